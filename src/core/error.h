#pragma once
// Expected failures of a service call: a machine code for the API, a Vietnamese message for
// people, and per-field messages so a form can re-render next to what the user typed.
#include <tl/expected.hpp>

#include <map>
#include <string>

namespace core {

enum class ErrorKind { invalid, not_found, forbidden, conflict, rate_limited, unauthorized, unavailable };

struct ServiceError {
  ErrorKind kind = ErrorKind::invalid;
  std::string code;     // e.g. "invalid_input", "not_found"
  std::string message;  // Vietnamese, safe to show
  std::map<std::string, std::string> fields;  // field name -> Vietnamese message

  static ServiceError invalid(std::string message, std::map<std::string, std::string> fields = {}) {
    return {ErrorKind::invalid, "invalid_input", std::move(message), std::move(fields)};
  }
  static ServiceError not_found(std::string message = "Không tìm thấy nội dung yêu cầu.") {
    return {ErrorKind::not_found, "not_found", std::move(message), {}};
  }
  static ServiceError forbidden(std::string message = "Bạn không có quyền thực hiện thao tác này.") {
    return {ErrorKind::forbidden, "forbidden", std::move(message), {}};
  }
  static ServiceError conflict(std::string message) { return {ErrorKind::conflict, "conflict", std::move(message), {}}; }
  static ServiceError rate_limited(std::string message) {
    return {ErrorKind::rate_limited, "rate_limited", std::move(message), {}};
  }
  static ServiceError unauthorized(std::string message) {
    return {ErrorKind::unauthorized, "unauthorized", std::move(message), {}};
  }
  // Something the request needs is missing for now, not the request's fault (503).
  static ServiceError unavailable(std::string code, std::string message) {
    return {ErrorKind::unavailable, std::move(code), std::move(message), {}};
  }
};

template <typename T>
using Result = tl::expected<T, ServiceError>;

inline tl::unexpected<ServiceError> fail(ServiceError e) { return tl::unexpected<ServiceError>(std::move(e)); }

int http_status(ErrorKind kind);

}  // namespace core
