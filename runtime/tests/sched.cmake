# sched.cmake: tests of the goroutine runtime (sched.c, stack.c, signal.c,
# chan.c, select.c, time.c, sema.c). Plain C programs linked with gocrt and a
# calloc stand-in for the collector (sched_stub_gc.c); each asserts its own
# results and exits non-zero on failure. Sources named *_split.c are
# compiled with -fsplit-stack (as goc's generated code will be) and every
# test links with lld, which adjusts split-stack callers of non-split code.
set(SCHED_TEST_DIR ${CMAKE_CURRENT_SOURCE_DIR}/tests)

function(sched_test name)
  cmake_parse_arguments(ST "" "TIMEOUT" "SOURCES;ENV;SPLIT" ${ARGN})
  set(srcs ${SCHED_TEST_DIR}/${name}.c ${SCHED_TEST_DIR}/sched_stub_gc.c)
  foreach(s ${ST_SPLIT})
    set_source_files_properties(${SCHED_TEST_DIR}/${s} PROPERTIES
      COMPILE_OPTIONS "-fsplit-stack;-mno-red-zone")
    list(APPEND srcs ${SCHED_TEST_DIR}/${s})
  endforeach()
  add_executable(${name} ${srcs} ${ST_SOURCES})
  target_link_libraries(${name} PRIVATE gocrt pthread)
  # -z now: lazy PLT binding runs the resolver (3.5 KiB of xsave area) on
  # whatever stack makes the first call, a 2 KiB goroutine stack included.
  target_link_options(${name} PRIVATE -fuse-ld=lld -Wl,-z,now)
  target_compile_options(${name} PRIVATE -O2 -fno-omit-frame-pointer)
  add_test(NAME ${name} COMMAND ${name})
  if(NOT ST_TIMEOUT)
    set(ST_TIMEOUT 60)
  endif()
  set_tests_properties(${name} PROPERTIES TIMEOUT ${ST_TIMEOUT} LABELS sched)
  if(ST_ENV)
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${ST_ENV}")
  endif()
endfunction()

sched_test(sched_basic_test)
sched_test(chan_semantics_test)
sched_test(chan_select_test)
target_link_libraries(chan_select_test PRIVATE m)
sched_test(sched_deadlock_test)
sched_test(sched_timer_test)
sched_test(sched_preempt_test SPLIT sched_preempt_split.c ENV GOMAXPROCS=1)
sched_test(sched_parallel_test SPLIT sched_parallel_split.c)
sched_test(sched_parked_test)
sched_test(sched_stack_test SPLIT sched_stack_split.c)
sched_test(sched_sema_test)
sched_test(sched_syscall_test ENV GOMAXPROCS=1)
sched_test(sched_stw_test SPLIT sched_preempt_split.c)

# ThreadSanitizer build: the goroutine runtime's files compiled with
# -fsanitize=thread -DRT_TSAN (every G is a TSan fiber, 64 KiB first
# segments, no async preemption: see docs/scheduler.md), and the tests that
# need neither split stacks nor signal preemption, registered as *_tsan.
set(SCHED_RT_FILES sched.c stack.c signal.c chan.c select.c time.c sema.c ctxswitch.S panic.c defer.c traceback.c jmp.S print.c)
list(TRANSFORM SCHED_RT_FILES PREPEND ${CMAKE_CURRENT_SOURCE_DIR}/)
add_library(gocrt_sched_tsan STATIC ${SCHED_RT_FILES} ${SCHED_TEST_DIR}/sched_stub_gc.c)
target_include_directories(gocrt_sched_tsan PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_compile_options(gocrt_sched_tsan PRIVATE -fsanitize=thread -O1 -g -fno-omit-frame-pointer -DRT_TSAN=1)
function(sched_tsan_test name)
  add_executable(${name}_tsan ${SCHED_TEST_DIR}/${name}.c)
  target_compile_options(${name}_tsan PRIVATE -fsanitize=thread -O1 -g -DRT_TSAN=1)
  target_link_libraries(${name}_tsan PRIVATE gocrt_sched_tsan pthread)
  target_link_options(${name}_tsan PRIVATE -fsanitize=thread -fuse-ld=lld -Wl,-z,now)
  add_test(NAME ${name}_tsan COMMAND ${name}_tsan)
  set_tests_properties(${name}_tsan PROPERTIES TIMEOUT 120 LABELS "sched;tsan"
    ENVIRONMENT "TSAN_OPTIONS=halt_on_error=1:exitcode=66;GOMAXPROCS=2;GOC_TEST_SMALL=1")
endfunction()
foreach(t chan_semantics_test chan_select_test sched_sema_test sched_timer_test sched_deadlock_test sched_syscall_test sched_basic_test)
  sched_tsan_test(${t})
endforeach()
# The same tests against gocrt_tsan: the real allocator and collector (its
# worker thread, stop-the-world through the scheduler, stack scanning of
# fibers), registered as *_gctsan.
function(sched_gctsan_test name)
  add_executable(${name}_gctsan ${SCHED_TEST_DIR}/${name}.c ${SCHED_TEST_DIR}/gctsan_init.c)
  target_compile_options(${name}_gctsan PRIVATE -fsanitize=thread -O1 -g -DRT_TSAN=1)
  target_link_libraries(${name}_gctsan PRIVATE gocrt_tsan pthread m)
  target_link_options(${name}_gctsan PRIVATE -fsanitize=thread -fuse-ld=lld -Wl,-z,now)
  add_test(NAME ${name}_gctsan COMMAND ${name}_gctsan)
  set_tests_properties(${name}_gctsan PROPERTIES TIMEOUT 120 LABELS "sched;tsan"
    ENVIRONMENT "TSAN_OPTIONS=halt_on_error=1:exitcode=66:suppressions=${SCHED_TEST_DIR}/tsan_suppressions.txt;GOMAXPROCS=2;GOC_TEST_SMALL=1;GOGC=1;GODEBUG=gcstress=5")
endfunction()
foreach(t chan_semantics_test chan_select_test sched_sema_test sched_timer_test sched_deadlock_test sched_syscall_test sched_basic_test)
  sched_gctsan_test(${t})
endforeach()

# AddressSanitizer + UBSan: every test (and its own sources) against
# gocrt_asan, registered as *_asan. detect_stack_use_after_return=0: ASan's
# fake stacks would hide frames from the conservative stack scan.
set(SCHED_ASAN_ENV "ASAN_OPTIONS=detect_stack_use_after_return=0:detect_leaks=0:abort_on_error=0"
  "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1" "GOC_TEST_SMALL=1" "GOC_PARKED_N=10000")
function(sched_asan_test name)
  cmake_parse_arguments(ST "" "" "ENV;SPLIT;SOURCES;LIBS" ${ARGN})
  set(srcs ${SCHED_TEST_DIR}/${name}.c ${ST_SOURCES})
  foreach(s ${ST_SPLIT})
    list(APPEND srcs ${SCHED_TEST_DIR}/${s})
  endforeach()
  add_executable(${name}_asan ${srcs})
  target_compile_options(${name}_asan PRIVATE -O1 -g -fno-omit-frame-pointer -DRT_ASAN=1 ${GOCRT_ASAN_FLAGS})
  target_link_libraries(${name}_asan PRIVATE gocrt_asan pthread m ${ST_LIBS})
  target_link_options(${name}_asan PRIVATE -fuse-ld=lld -Wl,-z,now)
  add_test(NAME ${name}_asan COMMAND ${name}_asan)
  set_tests_properties(${name}_asan PROPERTIES TIMEOUT 120 LABELS "sched;asan"
    ENVIRONMENT "${SCHED_ASAN_ENV};${ST_ENV}")
endfunction()
foreach(t sched_basic_test chan_semantics_test chan_select_test sched_deadlock_test sched_timer_test
          sched_parked_test sched_sema_test)
  sched_asan_test(${t} SOURCES ${SCHED_TEST_DIR}/sched_stub_gc.c)
endforeach()
sched_asan_test(sched_syscall_test SOURCES ${SCHED_TEST_DIR}/sched_stub_gc.c ENV GOMAXPROCS=1)
sched_asan_test(sched_preempt_test SOURCES ${SCHED_TEST_DIR}/sched_stub_gc.c SPLIT sched_preempt_split.c ENV GOMAXPROCS=1)
sched_asan_test(sched_parallel_test SOURCES ${SCHED_TEST_DIR}/sched_stub_gc.c SPLIT sched_parallel_split.c)
sched_asan_test(sched_stack_test SOURCES ${SCHED_TEST_DIR}/sched_stub_gc.c SPLIT sched_stack_split.c)
sched_asan_test(sched_stw_test SOURCES ${SCHED_TEST_DIR}/sched_stub_gc.c SPLIT sched_preempt_split.c)
sched_asan_test(sched_gc_test SPLIT sched_gc_split.c)

# With the real collector instead of the stub (built only when gc.c exists).
if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/gc.c)
  set_source_files_properties(${SCHED_TEST_DIR}/sched_gc_split.c PROPERTIES COMPILE_OPTIONS "-fsplit-stack;-mno-red-zone")
  add_executable(sched_gc_test ${SCHED_TEST_DIR}/sched_gc_test.c ${SCHED_TEST_DIR}/sched_gc_split.c)
  target_link_libraries(sched_gc_test PRIVATE gocrt pthread m)
  target_link_options(sched_gc_test PRIVATE -fuse-ld=lld -Wl,-z,now)
  add_test(NAME sched_gc_test COMMAND sched_gc_test)
  set_tests_properties(sched_gc_test PROPERTIES TIMEOUT 60 LABELS sched)
endif()
