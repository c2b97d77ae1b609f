// Compact figures for axes and tooltips.
export function fmt(v: number, unit = ''): string {
	if (!Number.isFinite(v)) return '–';
	const a = Math.abs(v);
	let s: string;
	if (a >= 1e9) s = (v / 1e9).toFixed(a >= 1e10 ? 0 : 1) + 'G';
	else if (a >= 1e6) s = (v / 1e6).toFixed(a >= 1e7 ? 0 : 1) + 'M';
	else if (a >= 1e4) s = (v / 1e3).toFixed(0) + 'k';
	else if (a >= 1e3) s = (v / 1e3).toFixed(1) + 'k';
	else if (a >= 100 || a === 0) s = v.toFixed(0);
	else if (a >= 10) s = v.toFixed(1);
	else s = v.toFixed(2);
	return unit === '%' ? s + '%' : unit ? `${s} ${unit}` : s;
}
