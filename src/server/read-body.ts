import type { IncomingMessage } from 'node:http';

export class BodyTooLargeError extends Error {}

/** The request body as UTF-8 text; BodyTooLargeError past `limit` bytes (read no further). */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop collecting, let the rest drain unread: a paused request would keep its
        // keep-alive connection stuck (the 413 says "connection: close" as well).
        req.off('data', onData);
        req.resume();
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
