def pytest_configure(config):
    config.addinivalue_line("markers", "slow: long-running (the concurrency soak test); still runs in CI")
