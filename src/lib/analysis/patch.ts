// Design patches: plain data describing a change, so a suggestion can be shown, tested,
// and applied as one undoable editor update.
import type { Design, DesignEdge, DesignNode, Params } from '../model/types';
import { addElements, mergeNodeParams } from '../model/edit';

export type DesignPatch =
	| { op: 'setParams'; nodeId: string; params: Params }
	| { op: 'add'; nodes: DesignNode[]; edges: DesignEdge[] };

/** A new design with the patch applied; the input is left untouched. */
export function applyPatch(design: Design, patch: DesignPatch): Design {
	if (patch.op === 'setParams') return mergeNodeParams(design, patch.nodeId, patch.params);
	return addElements(design, patch.nodes, patch.edges);
}
