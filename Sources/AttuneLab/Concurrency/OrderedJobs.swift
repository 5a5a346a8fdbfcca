import Dispatch
import Foundation

/// Runs many independent jobs on worker threads, each writing a record of
/// `recordSize` values (numbers for sweeps and days, a run's figures for
/// batches), and hands the records back on the calling thread in job order.
///
/// The jobs are cut into blocks of `blockSize` consecutive jobs (contiguous
/// seeds). Worker `w` of `n` makes blocks `w`, `w + n`, `w + 2n`, … one after
/// another, each into its own slot of a ring of `4n` slots. The calling
/// thread takes the blocks in order, hands each record to its consumer and
/// frees the slot. A worker waits only when it is a whole ring ahead of the
/// caller: there is no barrier between blocks, no lock and no allocation
/// around the jobs, and memory holds the ring however many jobs there are.
///
/// Because records reach the consumer in job order, whatever the consumer
/// accumulates comes out the same, to the last bit, whatever the number of
/// threads.
struct OrderedJobs<Element: Sendable> {
    /// Jobs to run, ≥ 0.
    let count: Int
    /// Values per record, ≥ 1.
    let recordSize: Int
    /// Consecutive jobs per block, ≥ 1.
    let blockSize: Int
    /// Worker threads, ≥ 1; with 1, the jobs run on the calling thread.
    let threads: Int
    /// What every record entry holds before its job writes it.
    let filler: Element

    /// Makes job `job`: writes every entry of `record`. `scratch` belongs to
    /// the worker and may be used for anything between jobs.
    typealias Produce = @Sendable (_ job: Int, _ record: UnsafeMutableBufferPointer<Element>, _ scratch: inout [Double]) -> Void

    /// A block size that keeps every thread busy without too many hand-overs:
    /// about eight blocks per thread, at most `limit` jobs each.
    static func blockSize(count: Int, threads: Int, limit: Int) -> Int {
        max(1, min(limit, count / max(1, threads * 8)))
    }

    /// Runs every job; calls `consume` with each record in job order, and
    /// `progress` with the number of jobs handed over after each block,
    /// both on the calling thread. If `consume` throws, the workers stop
    /// after their current block and the error is passed on.
    func run(
        produce: @escaping Produce,
        consume: (_ job: Int, _ record: UnsafeBufferPointer<Element>) throws -> Void,
        progress: (_ jobsDone: Int) -> Void = { _ in }
    ) rethrows {
        guard count > 0 else { return }
        let blocks = (count + blockSize - 1) / blockSize
        let workers = min(max(1, threads), blocks)
        if workers == 1 {
            let record = UnsafeMutableBufferPointer<Element>.allocate(capacity: recordSize)
            record.initialize(repeating: filler)
            defer {
                record.deinitialize()
                record.deallocate()
            }
            var scratch = [Double]()
            for job in 0..<count {
                produce(job, record, &scratch)
                try consume(job, UnsafeBufferPointer(record))
                if (job + 1) % blockSize == 0 || job + 1 == count { progress(job + 1) }
            }
            return
        }
        let ring = BlockRing(slots: 4 * workers, valuesPerSlot: blockSize * recordSize, filler: filler)
        let (count, blockSize, recordSize) = (self.count, self.blockSize, self.recordSize)
        let pool = WorkerPool(threads: workers)
        var completed = false
        defer {
            if !completed { ring.stop() }
            pool.shutdown()
        }
        pool.start { worker in
            var scratch = [Double]()
            var block = worker
            while block < blocks {
                let slot = block % ring.slots
                ring.free[slot].wait()
                if ring.isStopped { return }
                let first = block * blockSize
                let base = ring.storage.baseAddress! + slot * blockSize * recordSize
                for job in first..<min(count, first + blockSize) {
                    produce(job, UnsafeMutableBufferPointer(start: base + (job - first) * recordSize, count: recordSize), &scratch)
                }
                ring.filled[slot].signal()
                block += workers
            }
        }
        for block in 0..<blocks {
            let slot = block % ring.slots
            ring.filled[slot].wait()
            let first = block * blockSize
            let base = ring.storage.baseAddress! + slot * blockSize * recordSize
            let end = min(count, first + blockSize)
            for job in first..<end {
                try consume(job, UnsafeBufferPointer(start: base + (job - first) * recordSize, count: recordSize))
            }
            ring.free[slot].signal()
            progress(end)
        }
        completed = true
    }
}

extension OrderedJobs where Element == Double {
    /// Jobs whose records are numbers, NaN until written.
    init(count: Int, recordSize: Int, blockSize: Int, threads: Int) {
        self.init(count: count, recordSize: recordSize, blockSize: blockSize, threads: threads, filler: .nan)
    }
}

/// The slots blocks are made into: each slot is written by one worker
/// between its `free` and `filled` signals and read by the caller between
/// its `filled` and `free` signals, so the semaphores order every access.
private final class BlockRing<Element>: @unchecked Sendable {
    let slots: Int
    let storage: UnsafeMutableBufferPointer<Element>
    let free: [DispatchSemaphore]
    let filled: [DispatchSemaphore]
    private let lock = NSLock()
    private var stopped = false

    init(slots: Int, valuesPerSlot: Int, filler: Element) {
        self.slots = slots
        storage = .allocate(capacity: slots * valuesPerSlot)
        storage.initialize(repeating: filler)
        // Each slot starts free. The semaphore is made at 0 and signalled
        // once rather than made at 1: libdispatch refuses to dispose of a
        // semaphore whose count is below its starting value, which is where
        // a stopped sweep can leave a slot a worker had taken.
        free = (0..<slots).map { _ in
            let semaphore = DispatchSemaphore(value: 0)
            semaphore.signal()
            return semaphore
        }
        filled = (0..<slots).map { _ in DispatchSemaphore(value: 0) }
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    /// True once the caller has given up; checked once per block.
    var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// Tells the workers to stop and wakes any that wait for a slot.
    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
        for semaphore in free { semaphore.signal() }
    }
}
