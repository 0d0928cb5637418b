// Package hugemem allocates large, pointer-free, read-mostly tables (the
// models' weight tables) on transparent huge pages where the system offers
// them.
//
// The models' hash tables are a few megabytes each and are read at random
// addresses, once per feature of every token: on 4 KB pages nearly every
// lookup also misses the TLB, and the page walks grow slow when other
// programs load the machine's memory. A table on 2 MB pages needs a
// handful of TLB entries. On Linux, Slice maps anonymous memory and asks
// for huge pages with madvise(MADV_HUGEPAGE) (honoured when
// /sys/kernel/mm/transparent_hugepage/enabled is "always" or "madvise");
// elsewhere, for small tables, or when mapping fails, it falls back to
// make. The memory is outside the Go heap, so T must hold no pointers;
// it is unmapped when the owner passed to Slice is garbage collected.
package hugemem
