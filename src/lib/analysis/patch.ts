// Design patches: plain data describing a change, so a suggestion can be shown, tested,
// and applied as one undoable editor update.
import type { Design, DesignEdge, DesignNode, Params } from '../model/types';
import { addElements, mergeEdgeParams, mergeNodeParams } from '../model/edit';

export type DesignPatch =
	| { op: 'setParams'; nodeId: string; params: Params }
	| { op: 'setEdgeParams'; edgeId: string; params: Params }
	| { op: 'add'; nodes: DesignNode[]; edges: DesignEdge[] };

/** A new design with the patch applied; the input is left untouched. */
export function applyPatch(design: Design, patch: DesignPatch): Design {
	if (patch.op === 'setParams') return mergeNodeParams(design, patch.nodeId, patch.params);
	if (patch.op === 'setEdgeParams') return mergeEdgeParams(design, patch.edgeId, patch.params);
	return addElements(design, patch.nodes, patch.edges);
}
