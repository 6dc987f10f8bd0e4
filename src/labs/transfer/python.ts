/** The Python the lab mirrors: an argument pickled to a worker process and back, vs shared memory. */
export const TRANSFER_PYTHON = `# What sending data to a process costs (stdlib only, Python 3.8+).
# Pool.apply / Pool.map / Process(args=...) pickle every argument and result:
# the data is copied there and copied back, like the lab's "clone".
# SharedMemory puts it where both processes see it: only its name travels ("shared").
# Python has no "transfer": an argument is either pickled or shared.
import os
import time
from multiprocessing import Pool, resource_tracker, shared_memory

SIZE = 64 * 2**20  # 64 MB
PAGE = 4096        # read one byte per memory page, like the lab's Worker


def check(data):
    return sum(data[i] for i in range(0, len(data), PAGE))


def echo(data):
    check(data)
    return data  # pickled again on the way back


def attach(name):
    try:  # Python 3.13+: the creator alone cleans up
        return shared_memory.SharedMemory(name=name, track=False)
    except TypeError:  # older: keep this process from cleaning up the creator's memory
        shm = shared_memory.SharedMemory(name=name)
        if os.name == "posix":
            resource_tracker.unregister(shm._name, "shared_memory")
        return shm


def check_shared(name):
    shm = attach(name)  # map the same memory: nothing is copied
    try:
        return check(shm.buf)
    finally:
        shm.close()


if __name__ == "__main__":
    data = bytes(range(256)) * (SIZE // 256)
    with Pool(1) as pool:
        pool.apply(check, (b"",))  # warm-up: the worker starts outside the timing
        t0 = time.perf_counter()
        back = pool.apply(echo, (data,))  # pickled, sent, unpickled; and back
        total = time.perf_counter() - t0
        assert back == data
        print(f"pickled: {total * 1000:.1f} ms, {2 * SIZE / 2**20 / total:,.0f} MB/s")

        shm = shared_memory.SharedMemory(create=True, size=SIZE)
        try:
            shm.buf[:SIZE] = data  # filled before the timing
            t0 = time.perf_counter()
            pool.apply(check_shared, (shm.name,))  # only the name is pickled
            total = time.perf_counter() - t0
            print(f"shared:  {total * 1000:.1f} ms (nothing copied)")
        finally:
            shm.close()
            shm.unlink()
`;
