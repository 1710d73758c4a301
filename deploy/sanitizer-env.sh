# Sourced by the sanitized runs: UBSan findings stop the process (except the
# third-party ones listed with their reason in fuzz/ubsan.supp); ASan reports
# leaks (except the third-party ones in fuzz/lsan.supp), with a small
# quarantine so the memory-bound tests measure the node rather than ASan's
# pool of freed blocks.
root="${root:?}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$root/fuzz/ubsan.supp"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:quarantine_size_mb=16"
export LSAN_OPTIONS="suppressions=$root/fuzz/lsan.supp:print_suppressions=0"
