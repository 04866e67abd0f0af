/**
 * The Node.js flags the server runs with: `npm start`, `npm run serve` and the Dockerfile's CMD
 * pass them on the command line (V8 sizes its heap at start; the server cannot set them itself),
 * and the scale benchmark gives them to every Node process it compares, so ratios stay fair.
 * A test checks that package.json and the Dockerfile carry these.
 *
 * `--max-semi-space-size=32` (MB): V8's default young generation (16 MB semi-spaces on 64-bit) is
 * small for a server with 32 requests in flight, each holding its rows, resolvers' promises and
 * answer across several turns of the event loop: they outlive a scavenge, are copied, promoted
 * and later marked. With 32 MB, under 32 clients the server's CPU per cheap request fell by 4 to
 * 23 % (issue 9: entity with relations on the hub 5.5 → 4.2–4.5 ms of the process's CPU), for at
 * most 32 MB more of heap under load (two semi-spaces).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ["--max-semi-space-size=32"];
