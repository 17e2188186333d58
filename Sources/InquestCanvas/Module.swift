// runtime: event loop + effect runner over the store
