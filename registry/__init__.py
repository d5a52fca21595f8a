"""tapsyrma.registry"""
