/// <reference lib="webworker" />
// Lab `transfer`: the Worker at the other end. It reads the data (the samples' sum), touches it
// (+1 on every sample) and sends it back the way it came: copied (clone), moved (transfer) or not
// at all (shared: both sides already see it). It keeps no reference once it has replied.
import { sampleSum, touchSamples, type EchoReply, type EchoRequest } from './data';

const scope = self as unknown as DedicatedWorkerGlobalScope;
/** The clock the page uses too: each side's timeOrigin differs, timeOrigin + now() agrees. */
const now = (): number => performance.timeOrigin + performance.now();

scope.addEventListener('message', (event: MessageEvent<EchoRequest>) => {
  // Reading `data` first: Chromium deserializes a message (the copy, for clone) on first access,
  // and that is part of getting the data here.
  const { id, method, buffer } = event.data;
  const receivedMs = now();
  const data = new Uint32Array(buffer);
  const sum = sampleSum(data);
  touchSamples(data);
  const repliedMs = now();
  if (method === 'shared') {
    const reply: EchoReply = { id, receivedMs, repliedMs, sum, buffer: null };
    scope.postMessage(reply);
  } else {
    const reply: EchoReply = { id, receivedMs, repliedMs, sum, buffer: buffer as ArrayBuffer };
    if (method === 'transfer') scope.postMessage(reply, [buffer as ArrayBuffer]);
    else scope.postMessage(reply);
  }
});
