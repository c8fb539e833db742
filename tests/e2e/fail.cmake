# Used by CMakeLists.txt when the browser tests cannot run at all: fail with a message.
message(FATAL_ERROR "e2e_browser: ${MESSAGE}")
