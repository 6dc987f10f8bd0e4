/// <reference lib="webworker" />
// Raw postMessage baseline: answers every message with its id, nothing else.
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<number>) => {
  scope.postMessage(event.data);
};
