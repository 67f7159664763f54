import autocannon from 'autocannon';

/**
 * One load run in its own process, so the load generator never shares a CPU queue with the server
 * it measures: argv is url, connections, seconds; stdout gets one JSON line.
 */
const [url, connections, seconds] = process.argv.slice(2);
const result = await autocannon({ url: url!, connections: Number(connections), duration: Number(seconds), headers: { 'accept-language': 'kk' } });
const l = result.latency;
console.log(
  JSON.stringify({
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    latencyMs: { p50: l.p50, p90: l.p90, p97_5: l.p97_5, p99: l.p99, max: l.max },
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    status5xx: result['5xx'],
    bytesPerRequest: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0,
  }),
);
