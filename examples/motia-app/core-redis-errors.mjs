// Loaded into each `motia start` by scale-out.mjs (node --import) when it
// kill -9's a Troupe node. Motia core's own Redis connection (logs, traces)
// does not retry: a command its node answers with an error during the
// failover (a partition electing a new leader) rejects a promise core never
// handles, and the instance exits. This keeps the instance up and reports
// each such error on stdout ("core-redis-error ..."), where the checker
// counts them; any other unhandled rejection ends the process as usual.
process.on('unhandledRejection', (err) => {
  const redisReply = err?.constructor?.name === 'SimpleError' || err?.constructor?.name === 'ErrorReply';
  if (!redisReply) {
    console.error(err);
    process.exit(1);
  }
  console.log(`core-redis-error ${String(err?.message ?? err).split('\n')[0]}`);
});
