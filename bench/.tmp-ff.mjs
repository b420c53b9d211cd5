import {spawnPty, tempHome} from '/work/main/bench/lib/pty.mjs';

const home = tempHome();
const extra = (process.env.NODE_ARGS ?? '').split(' ').filter(Boolean);
for (let i = 0; i < 2; i++) {
	const run = spawnPty(process.execPath, [...extra, '/work/main/dist/cli.js', '--no-verify'], home.env);
	const at = await run.waitFor('Which registry?');
	console.log('first frame', (at - run.start).toFixed(1));
	await new Promise(r => setTimeout(r, i === 0 ? 1500 : 100));
	run.write('\u0003');
	await Promise.race([run.exit, new Promise(r => setTimeout(r, 3000))]);
	run.kill();
}
