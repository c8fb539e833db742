#include "http/server.h"

#include "core/strings.h"
#include "core/utf8.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <thread>

namespace http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using asio::awaitable;
using asio::use_awaitable;
using tcp = asio::ip::tcp;
constexpr auto as_tuple = asio::experimental::as_tuple(use_awaitable);

struct Server::Impl {
  ServerOptions options;
  FastHandler fast;
  SlowHandler slow;
  AccessLog log;
  asio::io_context io;
  asio::thread_pool workers;
  tcp::acceptor acceptor{io};
  asio::signal_set signals{io, SIGINT, SIGTERM};
  std::atomic<std::size_t> connections{0};

  Impl(ServerOptions o, FastHandler f, SlowHandler s, AccessLog l)
      : options(std::move(o)), fast(std::move(f)), slow(std::move(s)), log(std::move(l)),
        io(static_cast<int>(options.io_threads)), workers(options.worker_threads) {}

  static Response plain_error(int status, std::string_view message) {
    auto r = Response::error_page(status, message);
    r.set("Connection", "close");
    return r;
  }

  awaitable<void> write(beast::tcp_stream& stream, const Response& res, bool head, bool keep_alive, int version) {
    stream.expires_after(options.write_timeout);
    bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(res.status), version};
    for (const auto& [k, v] : res.headers) out.set(k, v);
    out.keep_alive(keep_alive);
    if (head) {
      out.content_length(res.body.size());
    } else {
      out.body() = res.body;
      out.prepare_payload();
    }
    bhttp::serializer<false, bhttp::string_body> sr{out};
    if (head) sr.split(true);
    if (head)
      co_await bhttp::async_write_header(stream, sr, as_tuple);
    else
      co_await bhttp::async_write(stream, sr, as_tuple);
  }

  // Cached bytes as they are: one writev of head, connection line, blank line and body.
  awaitable<void> write_prepared(beast::tcp_stream& stream, const PreparedResponse& res, bool head, bool keep_alive, int version) {
    stream.expires_after(options.write_timeout);
    std::string_view connection;
    if (!keep_alive) connection = "Connection: close\r\n";
    else if (version < 11) connection = "Connection: keep-alive\r\n";
    std::array<asio::const_buffer, 4> buffers{asio::buffer(res.head), asio::buffer(connection.data(), connection.size()),
                                              asio::buffer("\r\n", 2), asio::buffer(head ? std::string_view() : std::string_view(res.body))};
    co_await asio::async_write(stream, buffers, as_tuple);
  }

  // Turns Beast's request into ours; nullopt when the target is not a valid UTF-8 path.
  static std::optional<Request> convert(bhttp::request<bhttp::string_body>& in, const std::string& peer) {
    Request r;
    r.method = std::string(in.method_string());
    r.target = std::string(in.target());
    auto q = r.target.find('?');
    std::string raw_path = r.target.substr(0, q);
    if (q != std::string::npos) r.query = r.target.substr(q + 1);
    if (raw_path.empty() || raw_path.front() != '/') return std::nullopt;
    auto decoded = percent_decode(raw_path);
    if (!decoded || !core::is_valid_utf8(*decoded) || decoded->find('\0') != std::string::npos) return std::nullopt;
    if (!core::is_valid_utf8(r.query)) return std::nullopt;
    r.path = std::move(*decoded);
    r.headers.reserve(8);
    for (const auto& field : in) {
      std::string name(field.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      r.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    r.body = std::move(in.body());
    r.peer_ip = peer;
    return r;
  }

  // Reads one request: its head within the idle timeout, then, if the route's budget allows the
  // declared size, its body within the read timeout. Returns Beast's error, or body_limit when
  // the body is over the budget (nothing of it read).
  awaitable<boost::system::error_code> read_request(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                                     bhttp::request_parser<bhttp::string_body>& parser) {
    parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
    parser.body_limit(options.body_limit);
    stream.expires_after(options.idle_timeout);
    auto [ec, n] = co_await bhttp::async_read_header(stream, buffer, parser, as_tuple);
    if (ec || parser.is_done()) co_return ec;
    const auto& head = parser.get();
    std::size_t budget = options.body_limit;
    if (options.body_budget) budget = std::min(budget, options.body_budget(head.method_string(), head.target()));
    // Beast checks a Content-Length against the limit only while parsing the head; a chunked body
    // is checked chunk by chunk against the limit set here.
    if (parser.content_length() && *parser.content_length() > budget) co_return bhttp::error::body_limit;
    parser.body_limit(budget);
    stream.expires_after(options.read_timeout);
    auto [body_ec, body_n] = co_await bhttp::async_read(stream, buffer, parser, as_tuple);
    co_return body_ec;
  }

  // Half-closes, then discards what the client still sends, for at most one second.
  static awaitable<void> linger(beast::tcp_stream& stream) {
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream.expires_after(std::chrono::seconds(1));
    std::array<char, 16 * 1024> sink;
    for (;;) {
      auto [ec, n] = co_await stream.async_read_some(asio::buffer(sink), as_tuple);
      if (ec) break;
    }
  }

  awaitable<void> session(tcp::socket socket) {
    beast::tcp_stream stream(std::move(socket));
    std::string peer;
    {
      boost::system::error_code ec;
      auto ep = stream.socket().remote_endpoint(ec);
      if (!ec) peer = ep.address().to_string();
    }
    beast::flat_buffer buffer;
    for (;;) {
      bhttp::request_parser<bhttp::string_body> parser;
      auto ec = co_await read_request(stream, buffer, parser);
      auto started = std::chrono::steady_clock::now();
      if (ec) {
        int status = 0;
        std::string_view message;
        if (ec == bhttp::error::header_limit) status = 431, message = "Phần đầu yêu cầu quá lớn.";
        else if (ec == bhttp::error::body_limit) status = 413, message = "Nội dung gửi lên quá lớn.";
        else if (ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category() && ec != bhttp::error::end_of_stream &&
                 ec != bhttp::error::partial_message)
          status = 400, message = "Yêu cầu không hợp lệ.";
        if (status) {
          Request shown;
          shown.method = "-";
          shown.path = "-";
          // A body over its budget is refused after its head was read: answer a program as the
          // site would (JSON), a browser with a page.
          if (status == 413) {
            shown.target = std::string(parser.get().target());
            shown.path = shown.target.substr(0, shown.target.find('?'));
            if (auto accept = parser.get().find(bhttp::field::accept); accept != parser.get().end())
              shown.headers.emplace_back("accept", std::string(accept->value()));
          }
          auto res = status == 413 && shown.wants_json()
                         ? Response::json(R"({"error":{"code":"payload_too_large","message":"Nội dung gửi lên quá lớn."}})", 413)
                         : plain_error(status, message);
          if (status == 413) res.set("Connection", "close");
          co_await write(stream, res, false, false, 11);
          if (log) log(shown, status, res.body.size(), 0);
          // The client may still be sending the body refused: read and drop it for a moment, so
          // that closing does not reset the connection before the client reads the answer.
          if (status == 413) co_await linger(stream);
        }
        break;
      }
      auto& in = parser.get();
      const bool keep_alive = in.keep_alive();
      const int version = in.version();
      auto request = convert(in, peer);
      Response res;
      bool head = false;
      if (!request) {
        res = plain_error(400, "Địa chỉ yêu cầu không hợp lệ.");
        request.emplace();
        request->method = std::string(in.method_string());
        request->path = "-";
      } else {
        head = request->method == "HEAD";
        std::shared_ptr<const PreparedResponse> quick = fast ? fast(*request) : nullptr;
        if (quick) {
          bool close = !keep_alive;
          co_await write_prepared(stream, *quick, head, !close, version);
          if (log) {
            double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
            log(*request, quick->status, quick->body.size(), ms);
          }
          if (close) break;
          continue;
        } else {
          res = co_await asio::co_spawn(
              workers,
              [this, &request]() -> awaitable<Response> {
                try {
                  co_return slow(*request);
                } catch (const std::exception& e) {
                  spdlog::error("unhandled error for {} {}: {}", request->method, core::for_log(request->path), e.what());
                  co_return plain_error(500, "Đã có lỗi xảy ra. Vui lòng thử lại sau.");
                }
              },
              use_awaitable);
        }
      }
      bool close = !keep_alive || res.header("connection") == std::string_view("close");
      co_await write(stream, res, head, !close, version);
      if (log) {
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        log(*request, res.status, res.body.size(), ms);
      }
      if (close) break;
    }
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  awaitable<void> accept_loop() {
    asio::steady_timer pause(io);
    for (;;) {
      auto [ec, socket] = co_await acceptor.async_accept(as_tuple);
      if (ec) {
        if (ec == asio::error::operation_aborted) co_return;
        // E.g. too many open files: keep serving the connections we have, and do not spin.
        spdlog::warn("accepting a connection failed: {}", ec.message());
        pause.expires_after(std::chrono::milliseconds(100));
        co_await pause.async_wait(as_tuple);
        continue;
      }
      if (connections.load() >= options.max_connections) {
        boost::system::error_code ignored;
        socket.close(ignored);
        continue;
      }
      socket.set_option(tcp::no_delay(true));
      asio::co_spawn(io, counted_session(std::move(socket)), asio::detached);
    }
  }

  awaitable<void> counted_session(tcp::socket socket) {
    ++connections;
    struct Leave {
      std::atomic<std::size_t>& n;
      ~Leave() { --n; }
    } leave{connections};
    co_await session(std::move(socket));
  }
};

Server::Server(ServerOptions options, FastHandler fast, SlowHandler slow, AccessLog log)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(fast), std::move(slow), std::move(log))) {}

Server::~Server() {
  stop();
  impl_->workers.join();
}

void Server::listen() {
  boost::system::error_code ec;
  auto address = asio::ip::make_address(impl_->options.host, ec);
  if (ec) throw BindError("địa chỉ lắng nghe không hợp lệ: " + impl_->options.host);
  tcp::endpoint endpoint(address, impl_->options.port);
  auto& a = impl_->acceptor;
  a.open(endpoint.protocol(), ec);
  if (!ec) a.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) a.bind(endpoint, ec);
  if (!ec) a.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    std::string where = impl_->options.host + ":" + std::to_string(impl_->options.port);
    if (ec == asio::error::address_in_use) throw BindError("cổng " + where + " đang được một chương trình khác dùng");
    throw BindError("không lắng nghe được trên " + where + ": " + ec.message());
  }
}

std::uint16_t Server::port() const { return impl_->acceptor.local_endpoint().port(); }

void Server::run() {
  impl_->signals.async_wait([this](auto, int) { stop(); });
  asio::co_spawn(impl_->io, impl_->accept_loop(), asio::detached);
  std::vector<std::thread> extra;
  for (std::size_t i = 1; i < impl_->options.io_threads; ++i) extra.emplace_back([this] { impl_->io.run(); });
  impl_->io.run();
  for (auto& t : extra) t.join();
}

void Server::stop() {
  asio::post(impl_->io, [this] {
    boost::system::error_code ec;
    impl_->acceptor.close(ec);
    impl_->signals.cancel(ec);
    impl_->io.stop();
  });
}

}  // namespace http
