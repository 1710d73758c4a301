// Cron expressions as Motia 0.17 schedules them (node-cron 3, the process's
// local time): 5 fields (minute hour day-of-month month day-of-week) or 6
// (seconds first; 5 fields fire at second 0). Each field is `*`, a number, a
// name (jan-dec, sun-sat), a range `a-b`, a list `a,b`, or one of those with
// a step `/n`, which node-cron reads as "the values divisible by n". A time
// matches when every field does (day of month AND day of week).
import { TroupeError } from './errors.js';

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const dayNames = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const fullMonthNames = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const fullDayNames = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** [min, max] of each field: second, minute, hour, day of month, month, day of week. */
const bounds: [number, number][] = [[0, 59], [0, 59], [0, 23], [1, 31], [1, 12], [0, 7]];

function replaceNames(field: string, full: string[], short: string[], first: number): string {
  let out = field.toLowerCase();
  full.forEach((n, i) => (out = out.split(n).join(String(i + first))));
  short.forEach((n, i) => (out = out.split(n).join(String(i + first))));
  return out;
}

function parseField(field: string, index: number, expression: string): Set<number> {
  const [min, max] = bounds[index];
  const bad = () => new TroupeError('INVALID_ARGUMENT', `cron expression "${expression}": field "${field}" is not valid`);
  const [base, step, extra] = field.split('/');
  if (extra !== undefined || base === '') throw bad();
  const values: number[] = [];
  for (const part of base.split(',')) {
    if (part === '*') {
      for (let v = min; v <= Math.min(max, index === 5 ? 6 : max); v++) values.push(v);
      continue;
    }
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) throw bad();
    let a = Number(m[1]);
    let b = m[2] === undefined ? a : Number(m[2]);
    if (a > b) [a, b] = [b, a];
    if (a < min || b > max) throw bad();
    for (let v = a; v <= b; v++) values.push(v);
  }
  let kept = values;
  if (step !== undefined) {
    if (!/^\d+$/.test(step) || Number(step) === 0) throw bad();
    kept = values.filter((v) => v % Number(step) === 0);
  }
  // Day of week 7 is Sunday.
  return new Set(kept.map((v) => (index === 5 && v === 7 ? 0 : v)));
}

export class CronExpression {
  private readonly fields: Set<number>[];

  /** Refuses an expression node-cron would not schedule (`TroupeError` `INVALID_ARGUMENT`). */
  constructor(readonly source: string) {
    const parts = source.trim().split(/\s+/);
    if (parts.length !== 5 && parts.length !== 6)
      throw new TroupeError('INVALID_ARGUMENT', `cron expression "${source}": 5 or 6 fields expected`);
    if (parts.length === 5) parts.unshift('0');
    parts[4] = replaceNames(parts[4], fullMonthNames, monthNames, 1);
    parts[5] = replaceNames(parts[5], fullDayNames, dayNames, 0);
    this.fields = parts.map((p, i) => parseField(p, i, source));
  }

  private dayMatches(d: Date): boolean {
    return this.fields[3].has(d.getDate()) && this.fields[4].has(d.getMonth() + 1) && this.fields[5].has(d.getDay());
  }

  /** Whether the second starting at `ms` (local time) is a tick. */
  matches(ms: number): boolean {
    const d = new Date(ms);
    return (
      this.dayMatches(d) &&
      this.fields[2].has(d.getHours()) &&
      this.fields[1].has(d.getMinutes()) &&
      this.fields[0].has(d.getSeconds())
    );
  }

  /** The earliest tick at or after `ms` (a whole second, ms since the epoch), searching up to 5 years ahead. */
  atOrAfter(ms: number): number | undefined {
    const d = new Date(Math.ceil(ms / 1000) * 1000);
    const limit = ms + 5 * 366 * 86400_000;
    while (d.getTime() <= limit) {
      if (!this.dayMatches(d)) {
        d.setHours(24, 0, 0, 0);  // the next day's midnight
        continue;
      }
      if (!this.fields[2].has(d.getHours())) {
        d.setHours(d.getHours() + 1, 0, 0, 0);
        continue;
      }
      if (!this.fields[1].has(d.getMinutes())) {
        d.setMinutes(d.getMinutes() + 1, 0, 0);
        continue;
      }
      if (!this.fields[0].has(d.getSeconds())) {
        d.setSeconds(d.getSeconds() + 1, 0);
        continue;
      }
      return d.getTime();
    }
    return undefined;
  }

  /** The latest tick at or before `ms`, searching up to 5 years back. */
  atOrBefore(ms: number): number | undefined {
    const d = new Date(Math.floor(ms / 1000) * 1000);
    const limit = ms - 5 * 366 * 86400_000;
    while (d.getTime() >= limit) {
      if (!this.dayMatches(d)) {
        d.setHours(0, 0, 0, 0);
        d.setTime(d.getTime() - 1000);  // the previous day's last second
        continue;
      }
      if (!this.fields[2].has(d.getHours())) {
        d.setMinutes(0, 0, 0);
        d.setTime(d.getTime() - 1000);
        continue;
      }
      if (!this.fields[1].has(d.getMinutes())) {
        d.setSeconds(0, 0);
        d.setTime(d.getTime() - 1000);
        continue;
      }
      if (!this.fields[0].has(d.getSeconds())) {
        d.setTime(d.getTime() - 1000);
        continue;
      }
      return d.getTime();
    }
    return undefined;
  }
}
