# map.cmake: the C tests of maps and of hashing/equality (runtime/map.c,
# runtime/alg.c). Each test links alg.c and map.c with the real collector
# (gc.cmake's gcrt_<variant> libraries: allocator, collector, a stub of the
# scheduler's stop-the-world), in two variants:
#   rel  - -O2, as in gocrt
#   asan - collector in GC_DEBUG, everything under AddressSanitizer + UBSan
# STRESS n also runs the GC_DEBUG build under GODEBUG=gcstress=n (a full
# collection every n allocations, heap verified after each mark).
# Built by default (tools/test.sh builds all, then runs ctest); `--target
# map_tests` builds just these, `ctest -L map` runs them.
set(MAP_DIR ${CMAKE_CURRENT_SOURCE_DIR})
add_custom_target(map_tests)

function(map_test name)
  cmake_parse_arguments(T "" "TIMEOUT;STRESS" "" ${ARGN})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 120)
  endif()
  set(variants rel asan)
  if(T_STRESS)
    list(APPEND variants debug)
  endif()
  foreach(variant ${variants})
    set(exe ${name}_${variant})
    add_executable(${exe} ${MAP_DIR}/tests/${name}.c ${MAP_DIR}/alg.c ${MAP_DIR}/map.c)
    target_link_libraries(${exe} PRIVATE gcrt_${variant} m)
    add_dependencies(map_tests ${exe})
    if(NOT variant STREQUAL debug)
      add_test(NAME ${exe} COMMAND ${exe})
      set(env "")
      if(variant STREQUAL asan)
        set(env "ASAN_OPTIONS=detect_stack_use_after_return=0:detect_leaks=0" "UBSAN_OPTIONS=print_stacktrace=1")
      endif()
      set_tests_properties(${exe} PROPERTIES TIMEOUT ${T_TIMEOUT} ENVIRONMENT "${env}" LABELS map)
    endif()
  endforeach()
  if(T_STRESS)
    add_test(NAME ${name}_stress COMMAND ${name}_debug)
    set_tests_properties(${name}_stress PROPERTIES TIMEOUT ${T_TIMEOUT}
      ENVIRONMENT "GODEBUG=gcstress=${T_STRESS}" LABELS map)
  endif()
endfunction()

map_test(map_basic_test STRESS 200)
map_test(map_iter_test STRESS 100)
map_test(map_gc_test STRESS 100)
