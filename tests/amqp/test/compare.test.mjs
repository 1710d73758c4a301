// Runs every scenario against each target in AMQP_TARGETS (default
// rabbitmq,troupe) and asserts that troupe's transcript equals RabbitMQ's.
// With a single target, each scenario runs twice against it and the two
// transcripts must be equal (the scenarios themselves are deterministic).
// AMQP_SCENARIOS=name,... runs some; AMQP_TRANSCRIPTS=DIR writes every
// transcript there as <scenario>.<target>.json.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { scenarios } from '../lib/scenarios.mjs';
import { startTarget, targets } from '../lib/servers.mjs';

const names = targets();
const only = (process.env.AMQP_SCENARIOS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const dump = process.env.AMQP_TRANSCRIPTS;
if (dump) mkdirSync(dump, { recursive: true });

describe(`AMQP scenarios on ${names.join(' and ')}`, () => {
  const servers = {};

  before(async () => {
    // Started together; whichever did start is stopped in after() even if the other failed.
    const started = await Promise.allSettled(names.map(async (n) => (servers[n] = await startTarget(n))));
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
  }, { timeout: 120000 });

  after(async () => {
    await Promise.all(Object.values(servers).map((s) => s.stop()));
  });

  async function run(scenario, target, round = '') {
    const fn = scenarios[scenario];
    let transcript;
    try {
      transcript = await fn(servers[target].url);
    } catch (err) {
      err.message = `${scenario} on ${target}: ${err.message}`;
      throw err;
    }
    if (dump) writeFileSync(path.join(dump, `${scenario}.${target}${round}.json`), `${JSON.stringify(transcript, null, 2)}\n`);
    return transcript;
  }

  for (const scenario of Object.keys(scenarios)) {
    if (only.length && !only.includes(scenario)) continue;
    test(scenario, { timeout: 30000 }, async (t) => {
      if (names.length === 1) {
        const [target] = names;
        const a = await run(scenario, target);
        const b = await run(scenario, target, '.again');
        assert.deepStrictEqual(b, a, `${scenario}: two runs on ${target} saw different things`);
        if (process.env.AMQP_PRINT) t.diagnostic(JSON.stringify(a));
        return;
      }
      const rabbit = await run(scenario, 'rabbitmq');
      const troupe = await run(scenario, 'troupe');
      assert.deepStrictEqual(troupe, rabbit, `${scenario}: troupe (actual) differs from rabbitmq (expected)`);
    });
  }
});
