"""tapsyrma.app"""
