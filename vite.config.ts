import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

// Pure code (the simulator, the model, practice content, the run codec) is tested in
// plain Node: a DOM per file costs seconds and they must not need one anyway.
const PURE = [
	'src/lib/sim/**/*.test.ts',
	'src/lib/model/**/*.test.ts',
	'src/lib/practice/**/*.test.ts',
	'src/lib/analysis/**/*.test.ts',
	'src/lib/run/**/*.test.ts',
	'scripts/**/*.test.ts'
];

export default defineConfig({
	plugins: [sveltekit(), svelteTesting()],
	worker: { format: 'es' },
	server: { port: 5173, strictPort: false },
	preview: { port: Number(process.env.PREVIEW_PORT ?? 4173), strictPort: true },
	test: {
		setupFiles: ['./vitest-setup.ts'],
		// The simulator's statistical tests are CPU-bound; two cores here.
		testTimeout: 120_000,
		projects: [
			{ extends: true, test: { name: 'pure', include: PURE, environment: 'node' } },
			{
				extends: true,
				test: { name: 'dom', include: ['src/**/*.test.ts'], exclude: PURE, environment: 'jsdom' }
			}
		]
	}
});
