// Playwright must never download a browser here: use Debian's Chromium (or CHROMIUM_PATH).
import { existsSync } from 'node:fs';

export function chromiumPath() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	const found = candidates.find((p) => p && existsSync(p));
	if (!found) {
		throw new Error(
			'No Chromium found. Install Debian\'s: `sudo apt-get install -y chromium`, or set CHROMIUM_PATH.'
		);
	}
	return found;
}
