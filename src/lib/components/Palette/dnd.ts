/** The drag payload type from the palette to the canvas. */
export const DRAG_MIME = 'application/x-loadbearing-kind';
