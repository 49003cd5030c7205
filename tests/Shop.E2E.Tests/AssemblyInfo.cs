// Hangfire keeps its job activator and storage in process-wide statics, set by the last host that configured it.
// A browser flow whose host runs a Hangfire server must not have another test host configure Hangfire, and then be
// disposed, while its jobs run; the flows therefore run one class at a time (they are few, and a browser is shared).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
