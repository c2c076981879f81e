import { DateTime } from 'luxon';
import { formatInZone, formatUtc } from '../../src/shared/time';

const luxonInZone = (ms: number, zone: string) => {
  const dt = DateTime.fromMillis(ms, { zone });
  return (dt.isValid ? dt : DateTime.fromMillis(ms, { zone: 'utc' })).toISO({ suppressMilliseconds: true, includeOffset: true });
};

describe('rendering instants in a time zone', () => {
  const zones = ['Europe/Berlin', 'Europe/Zurich', 'Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Etc/UTC', 'UTC', 'Europe/London'];

  it('gives exactly what luxon gives, for random instants from 1890 to 2090 in many zones', () => {
    let seed = 7;
    const next = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
    const from = Date.UTC(1890, 0, 1);
    const to = Date.UTC(2090, 0, 1);
    for (let i = 0; i < 20_000; i += 1) {
      const ms = Math.floor(from + next() * (to - from));
      const zone = zones[i % zones.length];
      expect(formatInZone(ms, zone)).toBe(luxonInZone(ms, zone));
    }
  });

  it('is right on both sides of every daylight-saving change in Berlin, to the millisecond', () => {
    for (const [y, m, d, utcHour] of [[2017, 2, 26, 1], [2017, 9, 29, 1], [2021, 2, 28, 1], [2021, 9, 31, 1]]) {
      const change = Date.UTC(y, m, d, utcHour);
      for (const delta of [-15 * 60_000 - 1, -1, 0, 1, 59_999, 15 * 60_000]) {
        expect(formatInZone(change + delta, 'Europe/Berlin')).toBe(luxonInZone(change + delta, 'Europe/Berlin'));
      }
    }
    expect(formatInZone(Date.UTC(2017, 2, 26, 0, 59, 59), 'Europe/Berlin')).toBe('2017-03-26T01:59:59+01:00');
    expect(formatInZone(Date.UTC(2017, 2, 26, 1, 0, 0), 'Europe/Berlin')).toBe('2017-03-26T03:00:00+02:00');
  });

  it('keeps milliseconds only when there are some, and renders an unknown zone in UTC', () => {
    expect(formatInZone(Date.UTC(2017, 3, 20, 8, 0, 0, 250), 'Europe/Berlin')).toBe('2017-04-20T10:00:00.250+02:00');
    expect(formatInZone(Date.UTC(2017, 3, 20, 8), 'Not/AZone')).toBe('2017-04-20T08:00:00Z');
    expect(formatUtc(Date.UTC(2017, 3, 20, 8))).toBe('2017-04-20T08:00:00Z');
    expect(formatUtc(Date.UTC(2017, 3, 20, 8, 0, 0, 5))).toBe(DateTime.fromMillis(Date.UTC(2017, 3, 20, 8, 0, 0, 5), { zone: 'utc' }).toISO({ suppressMilliseconds: true }));
  });
});
