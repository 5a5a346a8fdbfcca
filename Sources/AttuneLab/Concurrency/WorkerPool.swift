import Dispatch
import Foundation

/// A fixed set of worker threads that run one job together:
/// ``start(_:)`` hands job index `i` to worker `i`, for every `i` in
/// `0..<threads`, and returns at once; ``wait()`` returns when all are done.
/// The calling thread is free in between (``OrderedJobs`` uses it to hand
/// finished blocks to their consumer).
///
/// Unlike a shared system pool, the number of threads is exactly the one
/// asked for, so a benchmark measures what it says.
final class WorkerPool: @unchecked Sendable {
    /// Worker threads (≥ 1).
    let threads: Int
    private let wake: [DispatchSemaphore]
    private let finished = DispatchSemaphore(value: 0)
    // Written by the caller before the workers are woken, read by them
    // after; the semaphores order the two. Only the caller touches
    // `running`.
    private var job: (@Sendable (Int) -> Void)?
    private var stopping = false
    private var running = false

    /// Starts `threads` workers, waiting for work.
    init(threads: Int) {
        self.threads = max(1, threads)
        wake = (0..<self.threads).map { _ in DispatchSemaphore(value: 0) }
        for index in 0..<self.threads {
            let thread = Thread { [self] in self.work(index) }
            thread.name = "attune-batch-\(index)"
            thread.start()
        }
    }

    /// Starts `job(i)` on worker `i`, for every `i` in `0..<threads`.
    /// The previous job must have been waited for.
    func start(_ job: @escaping @Sendable (Int) -> Void) {
        precondition(!running, "WorkerPool.start called while a job is running")
        self.job = job
        running = true
        for semaphore in wake { semaphore.signal() }
    }

    /// Waits until every worker has finished the job started last (returns
    /// at once when none is running).
    func wait() {
        guard running else { return }
        for _ in wake { finished.wait() }
        running = false
        job = nil
    }

    /// Waits for the running job, then ends the workers; the pool cannot
    /// be used afterwards.
    func shutdown() {
        wait()
        stopping = true
        for semaphore in wake { semaphore.signal() }
        for _ in wake { finished.wait() }
    }

    private func work(_ index: Int) {
        while true {
            wake[index].wait()
            if stopping {
                finished.signal()
                return
            }
            job?(index)
            finished.signal()
        }
    }
}
