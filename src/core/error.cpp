#include "core/error.h"

namespace core {

int http_status(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid: return 422;
    case ErrorKind::not_found: return 404;
    case ErrorKind::forbidden: return 403;
    case ErrorKind::conflict: return 409;
    case ErrorKind::rate_limited: return 429;
    case ErrorKind::unauthorized: return 401;
    case ErrorKind::unavailable: return 503;
  }
  return 400;
}

}  // namespace core
