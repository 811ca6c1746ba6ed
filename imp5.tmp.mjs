const c0 = process.cpuUsage(); const t = performance.now();
await import(process.argv[2]);
const u = process.cpuUsage(c0); console.log(process.argv[2].replace(/.*dist\//, ''), (performance.now() - t).toFixed(0), 'ms wall', ((u.user + u.system) / 1000).toFixed(0), 'ms cpu');
