// npm run test:e2e: Playwright against the built app in Debian's Chromium.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { chromiumPath } from './chromium.mjs';

try {
	chromiumPath();
} catch (e) {
	console.error(String(e.message));
	process.exit(1);
}
if (!existsSync('build/index.html')) {
	console.error('No build found: run `npm run build` first (the e2e tests drive the built app).');
	process.exit(1);
}
const r = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
