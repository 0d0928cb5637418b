// Command framewatch-beam runs framewatch's analysis on an Apache Beam
// runner: Prism in this process (the default), Flink or Spark through a
// job server, or Google Cloud Dataflow. It writes the same report folder
// as "framewatch run --no-state".
//
// Usage:
//
//	framewatch-beam run [flags] PATH...
//
// Besides its own flags (--out, --config, --report-date, --keep) it takes
// the SDK's pipeline options (--runner, --endpoint, --environment_type,
// --environment_config, --project, --region, --staging_location, ...).
// Started by a runner as a worker, it serves as the SDK harness.
//
// Exit codes: 0 ok, 1 run error, 2 usage, 3 finished but some documents
// failed.
package main
