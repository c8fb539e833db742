// Precompiled header for the one translation unit that uses Boost.Beast.
#pragma once
#include <boost/asio.hpp>
#include <boost/asio/experimental/as_tuple.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
