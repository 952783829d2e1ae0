// Shared fixtures and builders for Horizon's tests.
