// Serve the built app with `vite preview` for a script that drives it (audit, screenshot):
// refuses without a build, waits until the page answers, and stops the server on exit.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Start the preview server on `port`; resolves with a `stop` for it once it answers (exits the process if it never does). */
export async function startPreview(port) {
	const url = `http://localhost:${port}/`;
	if (!existsSync('build/index.html')) {
		console.error('No build found: run `npm run build` first.');
		process.exit(1);
	}
	// Its own process group, so the whole `npx` tree goes when we do.
	const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
	const stop = () => {
		try {
			process.kill(-server.pid);
		} catch {
			/* already gone */
		}
	};
	process.on('exit', stop);
	for (let i = 0; i < 120; i++) {
		try {
			if ((await fetch(url)).ok) return stop;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	console.error(`The preview server did not answer on ${url}.`);
	process.exit(1);
}
