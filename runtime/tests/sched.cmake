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
