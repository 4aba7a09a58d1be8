# Writes the output of `${CLI} list --json` to ${OUT} (a CTest fixture of
# table_equals_cli_list_json): cmake -DCLI=... -DOUT=... -P cli_list_json.cmake
if(NOT EXISTS "${CLI}")
  message(FATAL_ERROR "${CLI} is missing: cargo build --release -p dcs-status-cli")
endif()
execute_process(COMMAND "${CLI}" list --json OUTPUT_FILE "${OUT}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${CLI} list --json failed: ${rc}")
endif()
file(SIZE "${OUT}" size)
message(STATUS "${CLI} list --json: ${size} bytes")
