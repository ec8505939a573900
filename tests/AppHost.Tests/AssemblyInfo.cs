// One at a time: each test starts real servers (or the whole platform) on a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
