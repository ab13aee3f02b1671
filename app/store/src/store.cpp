// The Store handle: what does not depend on the engine, and the choice of engine from a locator.
#include <fstream>
#include "frontline/store.hpp"

namespace frontline {

Store::Store(std::unique_ptr<StoreBackend> backend) : backend_(std::move(backend)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

void Store::checkIntegrity() const {
    if (std::string problem = integrityProblem(); !problem.empty()) throw StoreError(StoreError::Kind::Corrupt, problem);
}

std::optional<Store> Store::openReader() const {
    if (auto another = backend_->openReader()) return Store(std::move(another));
    const std::string where = locator();
    if (isServerLocator(where) || where == ":memory:") return std::nullopt;
    // A reader needs no whole-file check: the window's own connection ran it (or runs it) already.
    return Store::open(where, StoreOptions(5000, false));
}

Store::Batch::Batch(Store& store, bool relaxed) : backend_(store.backend_.get()) { backend_->beginBatch(relaxed); }

Store::Batch::~Batch() {
    if (!done_) backend_->rollbackBatch();
}

void Store::Batch::commit() {
    backend_->commitBatch();
    done_ = true;
}

}  // namespace frontline
