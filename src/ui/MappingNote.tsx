/** The Python-to-browser mapping we teach, with what differs said plainly. */
export function MappingNote({ cores }: { readonly cores: number }) {
  return (
    <section className="mapping" aria-labelledby="mapping-title">
      <h2 id="mapping-title">Python here</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Python (the chapter)</th>
            <th scope="col">In this page</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>
              <code>time.sleep(d)</code>
            </td>
            <td>
              <b>sleep</b> task: a timer in a Worker, no CPU used
            </td>
          </tr>
          <tr>
            <td>a CPU-bound function</td>
            <td>
              <b>cpu</b> task: real arithmetic (a WebAssembly loop, the same in every Worker), calibrated so d s ≈ d s
              of one core
            </td>
          </tr>
          <tr>
            <td>
              <code>task(1); task(2)</code>
            </td>
            <td>
              <b>Sequential</b>: one warm Worker, one task after another
            </td>
          </tr>
          <tr>
            <td>
              <code>Process(…).start()</code> / <code>join()</code>
            </td>
            <td>
              <b>Processes</b>: one new Worker per task, start-up inside the time
            </td>
          </tr>
          <tr>
            <td>
              <code>ProcessPoolExecutor</code> + <code>as_completed</code>
            </td>
            <td>
              <b>Pool</b>: N Workers, a queue, results as they complete
            </td>
          </tr>
          <tr>
            <td>threads under the GIL</td>
            <td>
              <b>Threads</b>: all tasks on ONE Worker’s event loop, CPU work in 5 ms turns
            </td>
          </tr>
          <tr>
            <td>
              <code>os.cpu_count()</code>
            </td>
            <td>
              <code>navigator.hardwareConcurrency</code> = {cores}
            </td>
          </tr>
        </tbody>
      </table>
      <p className="hint">
        Honest difference: a Web Worker is an OS thread with its own JavaScript heap, not an OS process. Workers share
        no memory by default and talk only by messages, which is why they behave like processes for this lesson.
      </p>
    </section>
  );
}
