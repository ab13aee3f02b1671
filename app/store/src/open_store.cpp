// The one place that picks the engine from a locator.
#include "frontline/store.hpp"
#include "outbox_store.hpp"

namespace frontline {

// A server is reached through the desk's outbox, so results survive the network going away.
Store openStore(const std::string& locator, const StoreOptions& options) {
    if (isServerLocator(locator)) return Store(std::make_unique<OutboxStore>(locator, options));
    return Store::open(locator, options);
}

}  // namespace frontline
