// Icon drawings, 24×24, stroked with currentColor: one per component kind and the region frame.
import type { NodeKind } from '$lib/model/types';

export const ICONS: Record<NodeKind | 'region', string> = {
	client:
		'<rect x="3" y="4" width="18" height="12" rx="2"/><path d="M8 20h8M12 16v4"/>',
	dns:
		'<circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z"/>',
	geoDns:
		'<circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9"/><path d="M15.5 14.5l4.5 4.5M20 15v4h-4"/>',
	cdn:
		'<path d="M7 18a4.5 4.5 0 0 1-.6-9 6 6 0 0 1 11.4 1.5A3.8 3.8 0 0 1 17 18z"/><path d="M9 14h6M12 11v6"/>',
	loadBalancer:
		'<circle cx="5" cy="12" r="2"/><circle cx="19" cy="5" r="2"/><circle cx="19" cy="12" r="2"/><circle cx="19" cy="19" r="2"/><path d="M7 12h10M7 11l10-5M7 13l10 5"/>',
	apiGateway:
		'<path d="M4 20V9l8-5 8 5v11"/><path d="M9 20v-6h6v6"/><path d="M12 9v2"/>',
	rateLimiter:
		'<path d="M4 15a8 8 0 1 1 16 0"/><path d="M12 15l4-5"/><circle cx="12" cy="15" r="1.2"/><path d="M4 19h16"/>',
	service:
		'<rect x="4" y="4" width="16" height="6" rx="1.5"/><rect x="4" y="14" width="16" height="6" rx="1.5"/><path d="M8 7h.01M8 17h.01M12 7h4M12 17h4"/>',
	worker:
		'<circle cx="12" cy="12" r="3"/><path d="M12 2.5v3M12 18.5v3M2.5 12h3M18.5 12h3M5.3 5.3l2.1 2.1M16.6 16.6l2.1 2.1M5.3 18.7l2.1-2.1M16.6 7.4l2.1-2.1"/>',
	cache:
		'<path d="M13 2L5 13h6l-1 9 8-11h-6z"/>',
	database:
		'<ellipse cx="12" cy="5.5" rx="7.5" ry="2.8"/><path d="M4.5 5.5v13c0 1.5 3.4 2.8 7.5 2.8s7.5-1.3 7.5-2.8v-13"/><path d="M4.5 12c0 1.5 3.4 2.8 7.5 2.8s7.5-1.3 7.5-2.8"/>',
	kvStore:
		'<circle cx="12" cy="12" r="8"/><circle cx="12" cy="4" r="1.8"/><circle cx="19" cy="15" r="1.8"/><circle cx="5" cy="15" r="1.8"/><path d="M10 12h4"/>',
	objectStore:
		'<path d="M4 7l8-4 8 4-8 4z"/><path d="M4 7v10l8 4 8-4V7M12 11v10"/>',
	queue:
		'<rect x="2.5" y="8" width="4" height="8" rx="1"/><rect x="8.5" y="8" width="4" height="8" rx="1"/><rect x="14.5" y="8" width="4" height="8" rx="1"/><path d="M20 12h2M21 10.5l1.5 1.5-1.5 1.5"/>',
	region:
		'<rect x="3" y="5" width="18" height="15" rx="2" stroke-dasharray="3 2.5"/><path d="M3 9h7"/>'
};
