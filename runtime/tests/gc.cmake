# gc.cmake: the allocator and collector's C tests (issue 5). Each test links
# the collector's sources compiled in one of three variants, plus a stub of
# the scheduler's stop-the-world (tests/gc_stub_sched.c), never sched.c:
#   rel   - as in gocrt (-O2)
#   debug - GC_DEBUG: freed objects poisoned, heap verified after each mark
#   asan  - GC_DEBUG plus AddressSanitizer and UndefinedBehaviorSanitizer
# and each correctness test also runs under GC stress (GODEBUG=gcstress=N).
set(GC_DIR ${CMAKE_CURRENT_SOURCE_DIR})
set(GC_RT_SOURCES
  ${GC_DIR}/malloc.c ${GC_DIR}/mheap.c ${GC_DIR}/mark.c ${GC_DIR}/sweep.c ${GC_DIR}/gc.c
  ${GC_DIR}/print.c ${GC_DIR}/panic.c ${GC_DIR}/traceback.c ${GC_DIR}/tests/gc_stub_sched.c)

set(GC_SAN_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=undefined)
foreach(variant rel debug asan)
  add_library(gcrt_${variant} STATIC ${GC_RT_SOURCES})
  target_include_directories(gcrt_${variant} PUBLIC ${GC_DIR} ${GC_DIR}/tests)
  target_compile_options(gcrt_${variant} PUBLIC -fno-omit-frame-pointer -fno-stack-protector)
  find_package(Threads REQUIRED)
  target_link_libraries(gcrt_${variant} PUBLIC Threads::Threads)
endforeach()
target_compile_options(gcrt_rel PUBLIC -O2)
target_compile_options(gcrt_debug PUBLIC -O1 -DGC_DEBUG)
target_compile_options(gcrt_asan PUBLIC -O1 -DGC_DEBUG ${GC_SAN_FLAGS})
target_link_options(gcrt_asan PUBLIC ${GC_SAN_FLAGS})
# ThreadSanitizer: the collector's worker, assists, the barrier and sweeping
# against mutator threads (tsan_suppressions.txt lists what TSan cannot see).
add_library(gcrt_tsan STATIC ${GC_RT_SOURCES})
target_include_directories(gcrt_tsan PUBLIC ${GC_DIR} ${GC_DIR}/tests)
target_compile_options(gcrt_tsan PUBLIC -O1 -g -fno-omit-frame-pointer -fno-stack-protector -fsanitize=thread -DRT_TSAN=1)
target_link_options(gcrt_tsan PUBLIC -fsanitize=thread)
target_link_libraries(gcrt_tsan PUBLIC Threads::Threads)

# Built by default (tools/build.sh builds all, then ctest runs everything);
# `--target gc_tests` builds just these.
add_custom_target(gc_tests)
set(GC_TEST_ENV_ASAN "ASAN_OPTIONS=detect_stack_use_after_return=0:detect_leaks=0" "UBSAN_OPTIONS=print_stacktrace=1")

function(gc_test name)
  cmake_parse_arguments(T "RELONLY" "TIMEOUT;STRESS" "ENV" ${ARGN})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 120)
  endif()
  set(variants rel)
  if(NOT T_RELONLY)
    list(APPEND variants debug asan)
  endif()
  foreach(variant ${variants})
    set(exe ${name}_${variant})
    add_executable(${exe} ${GC_DIR}/tests/${name}.c)
    target_link_libraries(${exe} PRIVATE gcrt_${variant})
    add_dependencies(gc_tests ${exe})
    add_test(NAME ${exe} COMMAND ${exe})
    set(env ${T_ENV})
    if(variant STREQUAL asan)
      list(APPEND env ${GC_TEST_ENV_ASAN})
    endif()
    set_tests_properties(${exe} PROPERTIES TIMEOUT ${T_TIMEOUT} ENVIRONMENT "${env}" LABELS gc)
  endforeach()
  if(T_STRESS)
    add_test(NAME ${name}_stress COMMAND ${name}_debug)
    set_tests_properties(${name}_stress PROPERTIES TIMEOUT ${T_TIMEOUT} LABELS gc
      ENVIRONMENT "GODEBUG=gcstress=${T_STRESS};${T_ENV}")
  endif()
endfunction()

set(GC_TSAN_ENV "TSAN_OPTIONS=halt_on_error=1:exitcode=66:suppressions=${GC_DIR}/tests/tsan_suppressions.txt")
function(gc_tsan_test name)
  add_executable(${name}_tsan ${GC_DIR}/tests/${name}.c)
  target_link_libraries(${name}_tsan PRIVATE gcrt_tsan)
  add_dependencies(gc_tests ${name}_tsan)
  add_test(NAME ${name}_tsan COMMAND ${name}_tsan)
  set_tests_properties(${name}_tsan PROPERTIES TIMEOUT 300 LABELS "gc;tsan" ENVIRONMENT "${GC_TSAN_ENV};${ARGN}")
endfunction()

gc_test(gc_roots_test STRESS 5000)
gc_test(gc_concurrent_test STRESS 20000)
gc_test(gc_rss_test RELONLY ENV GOGC=100)
add_test(NAME gc_memlimit_test COMMAND gc_rss_test_rel 1)
set_tests_properties(gc_memlimit_test PROPERTIES TIMEOUT 120 LABELS gc ENVIRONMENT "GOMEMLIMIT=100MiB;GOGC=100")
gc_test(gc_alloc_test STRESS 3000)

gc_tsan_test(gc_roots_test)
gc_tsan_test(gc_concurrent_test)
gc_tsan_test(gc_alloc_test)
