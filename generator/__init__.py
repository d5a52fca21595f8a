"""tapsyrma.generator"""
