"""What the bundled adapters share beyond the helpers of domain/crm, loading/crm and writers/crm."""
