import autocannon from 'autocannon';

import fs from 'node:fs';

/**
 * One load run in its own process, so the load generator never shares a CPU queue with the server
 * it measures: argv is url, connections, seconds and, optionally, a JSON file of paths to request
 * in turn on that origin (different pages, as many visitors would ask for); stdout gets one JSON line.
 */
const [url, connections, seconds, pathsFile] = process.argv.slice(2);
const paths: string[] = pathsFile ? JSON.parse(fs.readFileSync(pathsFile, 'utf8')) : [];
let next = 0;
const result = await autocannon({
  url: url!,
  connections: Number(connections),
  duration: Number(seconds),
  headers: { 'accept-language': 'kk' },
  ...(paths.length
    ? {
        requests: [
          {
            setupRequest: (request) => {
              request.path = paths[next++ % paths.length]!;
              return request;
            },
          },
        ],
      }
    : {}),
});
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
