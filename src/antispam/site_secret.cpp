#include "antispam/site_secret.h"

#include "core/random.h"

#include <sodium.h>

#include <map>
#include <mutex>

namespace antispam {

namespace {
constexpr std::size_t kSecretBytes = 32;

std::string from_hex(const std::string& hex) {
  std::string bytes(kSecretBytes, '\0');
  std::size_t length = 0;
  const char* end = nullptr;
  if (hex.size() != kSecretBytes * 2 ||
      sodium_hex2bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), hex.data(), hex.size(), nullptr,
                     &length, &end) != 0 ||
      length != kSecretBytes || end != hex.data() + hex.size())
    throw db::Error("settings.site_secret is not 64 hex digits: delete the row to make a new secret");
  return bytes;
}
}  // namespace

std::string load_site_secret(db::Connection& c) {
  c.execute("INSERT INTO settings (key, value) VALUES ('site_secret', ?) ON CONFLICT DO NOTHING",
            {core::random_hex(kSecretBytes)});
  auto row = c.query_one("SELECT value FROM settings WHERE key = 'site_secret'");
  if (!row) throw db::Error("settings.site_secret missing right after it was written");
  return from_hex(row->text(0));
}

std::string site_secret(db::Database& database) {
  // Keyed by the database's URL (passwords redacted), not the object's address: a Database
  // made later at the same address may be another database. Two objects on one database
  // simply share the entry. The secret never changes, so an entry never goes stale.
  static std::mutex mutex;
  static std::map<std::string, std::string> cache;
  const std::string& key = database.description();
  {
    std::lock_guard lock(mutex);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
  }
  // Not under the lock: waiting for a pooled connection while holding it could deadlock.
  // Threads racing here all read the same row.
  std::string secret = load_site_secret(*database.acquire());
  std::lock_guard lock(mutex);
  return cache.emplace(key, std::move(secret)).first->second;
}

}  // namespace antispam
