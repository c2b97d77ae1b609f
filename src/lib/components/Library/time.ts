// "edited 5 min ago": coarse on purpose, the list only needs an order a person can read.
export function timeAgo(then: number, now = Date.now()): string {
	const s = Math.max(0, Math.round((now - then) / 1000));
	if (s < 45) return 'just now';
	const m = Math.round(s / 60);
	if (m < 60) return `${m} min ago`;
	const h = Math.round(m / 60);
	if (h < 24) return `${h} h ago`;
	const d = Math.round(h / 24);
	if (d < 30) return d === 1 ? 'yesterday' : `${d} days ago`;
	return new Date(then).toLocaleDateString();
}
