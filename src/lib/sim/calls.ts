// The pool of calls: one slot per request's visit to a node, its state spread over typed
// arrays (no object per call), recycled through a free list and grown by doubling. A
// slot's generation (cGen) changes on every free, so stale events and answers for a
// recycled slot are recognised and dropped. The simulator (core.ts) extends this.

export class CallPool {
	cap = 0;
	cNode = new Int32Array(0);
	cInst = new Int32Array(0);
	cParent = new Int32Array(0);
	cPGen = new Int32Array(0);
	cGen = new Int32Array(0);
	cEdge = new Int32Array(0);
	cCurEdge = new Int32Array(0);
	cChild = new Int32Array(0);
	cType = new Uint8Array(0);
	cKey = new Int32Array(0);
	cOrigin = new Int16Array(0);
	cT0 = new Float64Array(0);
	cOwn = new Float64Array(0);
	cStart = new Float64Array(0);
	cStep = new Int32Array(0);
	cFlags = new Uint16Array(0);
	cAttempt = new Uint8Array(0);
	cPend = new Int32Array(0);
	cRes = new Uint8Array(0);
	cEpoch = new Int32Array(0);
	/** One-way latency of the edge a call came over (to its node), paid again on the way back. */
	cLat = new Float64Array(0);
	/** A client write's receipt at a replica set (its sequence number there) and the set (index + 1; 0 = none). */
	cReceipt = new Int32Array(0);
	cRSet = new Int16Array(0);
	/** A message's receives, state and consumer group (consts.ts, M); set when the message is made, not on alloc. */
	cMsg = new Int32Array(0);
	/** Connection pools (pools.ts): the pool slot + 1 this call's connection came from; the slot + 1 a caller waits on, and its ticket. */
	cConn = new Int32Array(0);
	cWait = new Int32Array(0);
	cTicket = new Int32Array(0);
	/** The request's deadline (s): the client's send + its timeout, tightened by each edge's timeout on the way. */
	cDeadline = new Float64Array(0);
	/** A kvStore request's version (docs/model.md, "Consistency"): a write's timestamp, or the newest a read must see. */
	cVer = new Float64Array(0);
	freeList = new Int32Array(0);
	freeTop = 0;
	live = 0;

	constructor() {
		this.growCalls(1024);
	}

	private growCalls(cap: number): void {
		const old = this.cap;
		const g = <T extends Int32Array | Float64Array | Uint8Array | Uint16Array | Int16Array>(a: T, ctor: new (n: number) => T): T => {
			const b = new ctor(cap);
			b.set(a);
			return b;
		};
		this.cNode = g(this.cNode, Int32Array);
		this.cInst = g(this.cInst, Int32Array);
		this.cParent = g(this.cParent, Int32Array);
		this.cPGen = g(this.cPGen, Int32Array);
		this.cGen = g(this.cGen, Int32Array);
		this.cEdge = g(this.cEdge, Int32Array);
		this.cCurEdge = g(this.cCurEdge, Int32Array);
		this.cChild = g(this.cChild, Int32Array);
		this.cType = g(this.cType, Uint8Array);
		this.cKey = g(this.cKey, Int32Array);
		this.cOrigin = g(this.cOrigin, Int16Array);
		this.cT0 = g(this.cT0, Float64Array);
		this.cOwn = g(this.cOwn, Float64Array);
		this.cStart = g(this.cStart, Float64Array);
		this.cStep = g(this.cStep, Int32Array);
		this.cFlags = g(this.cFlags, Uint16Array);
		this.cAttempt = g(this.cAttempt, Uint8Array);
		this.cPend = g(this.cPend, Int32Array);
		this.cRes = g(this.cRes, Uint8Array);
		this.cEpoch = g(this.cEpoch, Int32Array);
		this.cLat = g(this.cLat, Float64Array);
		this.cReceipt = g(this.cReceipt, Int32Array);
		this.cRSet = g(this.cRSet, Int16Array);
		this.cMsg = g(this.cMsg, Int32Array);
		this.cConn = g(this.cConn, Int32Array);
		this.cWait = g(this.cWait, Int32Array);
		this.cTicket = g(this.cTicket, Int32Array);
		this.cDeadline = g(this.cDeadline, Float64Array);
		this.cVer = g(this.cVer, Float64Array);
		const fl = new Int32Array(cap);
		fl.set(this.freeList.subarray(0, this.freeTop));
		for (let i = cap - 1; i >= old; i--) fl[this.freeTop++] = i;
		this.freeList = fl;
		this.cap = cap;
	}

	alloc(): number {
		if (this.freeTop === 0) this.growCalls(this.cap * 2);
		const c = this.freeList[--this.freeTop];
		this.live++;
		this.cParent[c] = -1;
		this.cChild[c] = -1;
		this.cInst[c] = -1;
		this.cEdge[c] = -1;
		this.cOwn[c] = 0;
		this.cStep[c] = 0;
		this.cFlags[c] = 0;
		this.cAttempt[c] = 0;
		this.cPend[c] = 0;
		this.cRes[c] = 0;
		this.cRSet[c] = 0;
		this.cConn[c] = 0;
		this.cWait[c] = 0;
		this.cDeadline[c] = Infinity;
		return c;
	}

	free(c: number): void {
		this.cGen[c]++;
		this.live--;
		this.freeList[this.freeTop++] = c;
	}

	/** A child call carrying the parent's request (type, key, origin). */
	child(parent: number, node: number): number {
		const c = this.alloc();
		this.cType[c] = this.cType[parent];
		this.cKey[c] = this.cKey[parent];
		this.cOrigin[c] = this.cOrigin[parent];
		this.cDeadline[c] = this.cDeadline[parent];
		this.cNode[c] = node;
		this.cParent[c] = parent;
		this.cPGen[c] = this.cGen[parent];
		return c;
	}
}
