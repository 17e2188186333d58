import Dispatch

/// Runs the jobs of the tasks that prefer it on a serial dispatch queue of its own, outside
/// Swift's cooperative thread pool.
///
/// The pool has one thread per core. Store writes and child-process waits block its threads
/// (a watcher's feeds, parallel tests), and on a two-core machine a loopback server then waited
/// up to a minute for its accept loop to run. Its tasks run here instead (SE-0417 task executor
/// preference; FlyingFox's child tasks and default actors follow the preference).
final class DispatchTaskExecutor: TaskExecutor, @unchecked Sendable {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
