import { connect, createServer, type Server, type Socket } from 'node:net';

/** A TCP proxy a test can cut: every connection through it dies, and new ones are refused, until `restore`. */
export interface TcpProxy {
  port: number;
  /** Destroys every proxied connection and stops listening (new connections are refused). */
  cut(): Promise<void>;
  /** Listens again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 (a free port) to host:port: a database "outage" without touching the database server. */
export async function startTcpProxy(host: string, port: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };
  let server: Server;
  const listen = (on: number) => new Promise<number>((resolve, reject) => {
    server = createServer((client) => {
      const upstream = connect(port, host);
      track(client);
      track(upstream);
      client.pipe(upstream).pipe(client);
      client.once('close', () => upstream.destroy());
      upstream.once('close', () => client.destroy());
    });
    server.once('error', reject);
    server.listen(on, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : on);
    });
  });
  const stop = () => new Promise<void>((resolve) => {
    server.close(() => resolve());
    for (const s of sockets) s.destroy();
  });
  const own = await listen(0);
  return { port: own, cut: stop, restore: async () => void (await listen(own)), close: stop };
}
